type Child = Node | string | null | undefined | false

/**
 * A DOM element from its tag, attributes and children. Text is always set as text, never as
 * HTML: what the server or a visitor typed cannot become markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === undefined) continue
    node.setAttribute(name, value === true ? "" : value)
  }
  for (const child of children) if (child) node.append(child)
  return node
}

/** Replaces an element's children. */
export function fill(node: Element, ...children: Child[]): void {
  node.replaceChildren(...children.filter((c): c is Node | string => !!c))
}
