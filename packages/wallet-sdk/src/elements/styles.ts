/**
 * The components' look, overridable from the partner's page without reaching into the shadow
 * DOM: CSS custom properties for colours and shapes, `::part(...)` for anything else.
 */
export const styles = `
:host {
  display: block;
  font-family: var(--cashless-font, system-ui, sans-serif);
  color: var(--cashless-color, #1f2328);
  background: var(--cashless-background, #fff);
  border: 1px solid var(--cashless-border-color, #d0d7de);
  border-radius: var(--cashless-radius, 8px);
  padding: var(--cashless-padding, 1rem);
  max-width: var(--cashless-max-width, 28rem);
  line-height: 1.4;
}
:host([hidden]), [hidden] { display: none !important; }
h2 { font-size: 1.2rem; margin: 0 0 .75rem; }
h3 { font-size: 1rem; margin: 1rem 0 .5rem; }
form { display: grid; gap: .4rem; margin: .5rem 0; }
label { font-weight: 600; }
input {
  font: inherit; padding: .45rem .6rem; color: inherit; background: var(--cashless-input-background, #fff);
  border: 1px solid var(--cashless-border-color, #d0d7de); border-radius: calc(var(--cashless-radius, 8px) / 2);
}
button {
  font: inherit; cursor: pointer; padding: .45rem .8rem; justify-self: start;
  color: var(--cashless-accent-contrast, #fff); background: var(--cashless-accent, #0b6e4f);
  border: 0; border-radius: calc(var(--cashless-radius, 8px) / 2);
}
button.secondary { color: var(--cashless-accent, #0b6e4f); background: transparent; border: 1px solid currentColor; }
button:disabled { opacity: .6; cursor: progress; }
:is(input, button):focus-visible { outline: 3px solid var(--cashless-focus, #0969da); outline-offset: 2px; }
.hint { font-size: .85rem; color: var(--cashless-muted, #57606a); margin: 0; }
dd { margin: 0; }
.balance { font-size: 1.6rem; font-weight: 700; margin: .1rem 0 .5rem; }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: .3rem 0; border-bottom: 1px solid var(--cashless-border-color, #d0d7de); display: flex; gap: .5rem; justify-content: space-between; flex-wrap: wrap; }
[role="alert"] { color: var(--cashless-error, #b42318); font-weight: 600; margin: .5rem 0 0; }
[role="alert"]:empty, [role="status"]:empty { display: none; }
[role="status"] { color: var(--cashless-success, #0b6e4f); margin: .5rem 0 0; }
`
