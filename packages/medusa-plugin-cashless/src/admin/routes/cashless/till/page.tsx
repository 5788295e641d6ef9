import { defineRouteConfig } from "@medusajs/admin-sdk"
import { TillScreen } from "../../../components/till/till-screen"
import { TillI18nProvider } from "../../../lib/till/i18n-context"
import { ReaderProvider } from "../../../lib/till/reader-context"

/** Cashless → Till: the cashier's screen, full screen over the admin. */
const TillPage = () => (
  <TillI18nProvider>
    <ReaderProvider>
      <TillScreen />
    </ReaderProvider>
  </TillI18nProvider>
)

export const config = defineRouteConfig({
  label: "Till",
})

export default TillPage
