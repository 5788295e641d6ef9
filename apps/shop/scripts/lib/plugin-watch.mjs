// `medusa develop` watches the app, not the plugin it loads from node_modules: rebuild the
// plugin when its sources change, then let the caller restart the server.
import { watch } from "node:fs"

export function watchPlugin(srcDir, { rebuild, onError }) {
  let timer = null
  let running = false
  let pending = false
  const trigger = async () => {
    if (running) {
      pending = true
      return
    }
    running = true
    try {
      await rebuild()
    } catch (err) {
      onError(err)
    } finally {
      running = false
      if (pending) {
        pending = false
        trigger()
      }
    }
  }
  const watcher = watch(srcDir, { recursive: true }, (_event, file) => {
    // The admin build writes a temporary __admin-extensions__.js into src/admin.
    if (file && /(^|\/)(__tests__|node_modules)\/|__admin-extensions__/.test(file)) return
    clearTimeout(timer)
    timer = setTimeout(trigger, 400)
  })
  return () => {
    clearTimeout(timer)
    watcher.close()
  }
}
