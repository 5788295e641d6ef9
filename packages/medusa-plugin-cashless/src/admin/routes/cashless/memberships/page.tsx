import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Tabs, Text } from "@medusajs/ui"
import { useSearchParams } from "react-router-dom"
import { MembersSection } from "../../../components/members-section"
import { PlansSection } from "../../../components/plans-section"

type Tab = "members" | "plans"

const MembershipsPage = () => {
  // The open tab lives in the URL, so a reload or a link keeps it.
  const [params, setParams] = useSearchParams()
  const tab: Tab = params.get("tab") === "plans" ? "plans" : "members"

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="px-6 py-4">
        <Heading level="h1">Memberships</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Plans and the people (or anonymous cards) who hold them. Valid members join the plan's customer group and may buy members-only products.
        </Text>
      </Container>
      <Tabs
        value={tab}
        onValueChange={(next) => {
          // The Members filters stay in the URL while the Plans tab is open, and apply again on return.
          const kept = new URLSearchParams(params)
          if (next === "plans") kept.set("tab", "plans")
          else kept.delete("tab")
          setParams(kept, { replace: true })
        }}
        className="flex flex-col gap-y-3"
      >
        <Tabs.List>
          <Tabs.Trigger value="members">Members</Tabs.Trigger>
          <Tabs.Trigger value="plans">Plans</Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="members">
          <MembersSection />
        </Tabs.Content>
        <Tabs.Content value="plans">
          <PlansSection />
        </Tabs.Content>
      </Tabs>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Memberships",
})

export default MembershipsPage
