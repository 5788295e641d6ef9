import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DoorScreen } from "../../../components/door/door-screen"
import { TillI18nProvider } from "../../../lib/till/i18n-context"
import { ReaderProvider } from "../../../lib/till/reader-context"

/** Cashless → Door: ticket check-in at an entrance, full screen over the admin. */
const DoorPage = () => (
  <TillI18nProvider>
    <ReaderProvider>
      <DoorScreen />
    </ReaderProvider>
  </TillI18nProvider>
)

export const config = defineRouteConfig({
  label: "Door",
})

export default DoorPage
