import { Input, toast } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { errorMessage, useCreateWallet } from "../lib/wallets"
import { Field, FormDrawer } from "./form-drawer"

/** An anonymous wallet (a customer's is created from their page); opens it once created. */
export const CreateWalletDrawer = ({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) => {
  const [label, setLabel] = useState("")
  const create = useCreateWallet()
  const navigate = useNavigate()

  const submit = async () => {
    try {
      const { wallet } = await create.mutateAsync(label.trim() ? { label: label.trim() } : {})
      toast.success("Wallet created")
      setLabel("")
      onOpenChange(false)
      navigate(`/cashless/wallets/${wallet.id}`)
    } catch (err) {
      toast.error("The wallet could not be created", { description: errorMessage(err) })
    }
  }

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title="Create wallet"
      description="An anonymous wallet, e.g. for a card handed out at the bar. It starts empty."
      submitLabel="Create wallet"
      isPending={create.isPending}
      onSubmit={submit}
    >
      <Field id="wallet-label" label="Label" optional hint="Shown in the list and searchable, e.g. Card 0042.">
        <Input
          id="wallet-label"
          name="label"
          autoComplete="off"
          maxLength={200}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
      </Field>
    </FormDrawer>
  )
}
