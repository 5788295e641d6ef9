import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { WALLET_MODULE } from "../../../../modules/wallet"
import type WalletModuleService from "../../../../modules/wallet/service"
import { createWalletWorkflow } from "../../../../workflows/wallet/create-wallet"
import type { CreateWalletBody } from "../validators"
import { ListWalletsQuerySchema } from "../validators"
import { retrieveWalletView, WALLET_FIELDS, walletView } from "./wallet-view"
import { parseQuery } from "../../../parse-query"

/** Wallets with their balances; `q` matches a wallet id or a label. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { q, limit, offset } = parseQuery(ListWalletsQuerySchema, req.query)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const filters = q ? { $or: [{ id: q }, { label: { $ilike: `%${q}%` } }] } : {}
  const { data, metadata } = await query.graph({
    entity: "cashless_wallet",
    fields: WALLET_FIELDS,
    filters,
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  const wallet = req.scope.resolve<WalletModuleService>(WALLET_MODULE)
  const balances = await wallet.getBalances(data.map((w: { id: string }) => w.id))
  res.json({
    wallets: data.map((w: Record<string, unknown>) => walletView(w, balances[w.id as string] ?? [])),
    count: metadata?.count ?? data.length,
    limit,
    offset,
  })
}

export const POST = async (req: AuthenticatedMedusaRequest<CreateWalletBody>, res: MedusaResponse) => {
  const { result } = await createWalletWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ wallet: await retrieveWalletView(req.scope, result.id) })
}
