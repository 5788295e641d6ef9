// The components' words in French and English. The server's refusals are in English; the ones a
// visitor meets most (unknown card, unusable card, shop unreachable) are translated by their code.

export type Lang = "fr" | "en"

const en = {
  topupTitle: "Top up a card",
  walletTitle: "My cashless wallet",
  tokenLabel: "Card code (under the QR code)",
  tokenShow: "Show the card",
  loading: "Loading…",
  balance: "Balance",
  giftBalance: "Gift credit",
  noMoney: "No money on this card yet.",
  walletEmpty: "No money in your wallet yet.",
  cardUnusable: "This card can no longer be used (status: {status}). Its money is kept.",
  membership: "Membership",
  membershipValid: "Member ({plan}) until {end}",
  membershipValidNoEnd: "Member ({plan})",
  membershipExpired: "Membership expired ({plan}) on {end}",
  membershipNone: "No membership",
  amountLabel: "Amount to add ({currency})",
  amountHint: "From 5 to 500, e.g. 20 or 12.50",
  amountInvalid: "Type an amount such as 20 or 12.50.",
  topupStart: "Add the top-up to a cart",
  topupStarted: "A top-up of {amount} is in cart {cart}. Continue to the checkout to pay: the money arrives once paid.",
  topupCheckout: "Continue to the checkout",
  emailLabel: "Email",
  passwordLabel: "Password",
  login: "Log in",
  logout: "Log out",
  history: "History",
  historyEmpty: "Nothing yet.",
  myCards: "My cards",
  noCards: "No card linked to your account.",
  declareLost: "Declare card {number} lost",
  confirmLost: "Declare card {number} lost? It will be refused everywhere; your money stays in your wallet.",
  lostDone: "Card {number} is declared lost.",
  linkTitle: "Link a card",
  linkQr: "Code under the QR code",
  linkNumber: "Number printed on the card",
  linkSubmit: "Link the card",
  linkDone: "Card {number} is linked: its money is now in your wallet.",
  status_new: "new",
  status_active: "active",
  status_lost: "lost",
  status_blocked: "blocked",
  status_replaced: "replaced",
  kind_credit: "Top-up",
  kind_spend: "Payment",
  kind_refund: "Refund",
  kind_gift: "Gift",
  kind_transfer: "Transfer",
  kind_adjust: "Adjustment",
  kind_reversal: "Cancellation",
  config: "This component needs publishable-key and base-url attributes.",
  err_card_not_found: "No card has this QR code.",
  err_network_error: "The shop cannot be reached. Check your connection and try again.",
  err_unexpected: "Something went wrong. Try again.",
}

export type Key = keyof typeof en

const fr: Record<Key, string> = {
  topupTitle: "Recharger une carte",
  walletTitle: "Mon porte-monnaie cashless",
  tokenLabel: "Code de la carte (sous le QR code)",
  tokenShow: "Voir la carte",
  loading: "Chargement…",
  balance: "Solde",
  giftBalance: "Crédit offert",
  noMoney: "Pas encore d'argent sur cette carte.",
  walletEmpty: "Pas encore d'argent dans votre porte-monnaie.",
  cardUnusable: "Cette carte ne peut plus servir (état : {status}). Son argent est conservé.",
  membership: "Adhésion",
  membershipValid: "Adhérent·e ({plan}) jusqu'au {end}",
  membershipValidNoEnd: "Adhérent·e ({plan})",
  membershipExpired: "Adhésion expirée ({plan}) le {end}",
  membershipNone: "Pas d'adhésion",
  amountLabel: "Montant à ajouter ({currency})",
  amountHint: "De 5 à 500, par ex. 20 ou 12,50",
  amountInvalid: "Saisissez un montant comme 20 ou 12,50.",
  topupStart: "Mettre la recharge dans un panier",
  topupStarted: "Une recharge de {amount} est dans le panier {cart}. Passez au paiement : l'argent arrive une fois payé.",
  topupCheckout: "Passer au paiement",
  emailLabel: "E-mail",
  passwordLabel: "Mot de passe",
  login: "Se connecter",
  logout: "Se déconnecter",
  history: "Historique",
  historyEmpty: "Rien pour l'instant.",
  myCards: "Mes cartes",
  noCards: "Aucune carte liée à votre compte.",
  declareLost: "Déclarer la carte {number} perdue",
  confirmLost: "Déclarer la carte {number} perdue ? Elle sera refusée partout ; votre argent reste dans votre porte-monnaie.",
  lostDone: "La carte {number} est déclarée perdue.",
  linkTitle: "Lier une carte",
  linkQr: "Code sous le QR code",
  linkNumber: "Numéro imprimé sur la carte",
  linkSubmit: "Lier la carte",
  linkDone: "La carte {number} est liée : son argent est maintenant dans votre porte-monnaie.",
  status_new: "neuve",
  status_active: "active",
  status_lost: "perdue",
  status_blocked: "bloquée",
  status_replaced: "remplacée",
  kind_credit: "Recharge",
  kind_spend: "Paiement",
  kind_refund: "Remboursement",
  kind_gift: "Cadeau",
  kind_transfer: "Transfert",
  kind_adjust: "Ajustement",
  kind_reversal: "Annulation",
  config: "Ce composant a besoin des attributs publishable-key et base-url.",
  err_card_not_found: "Aucune carte n'a ce QR code.",
  err_network_error: "La boutique est injoignable. Vérifiez votre connexion et réessayez.",
  err_unexpected: "Une erreur est survenue. Réessayez.",
}

const strings: Record<Lang, Record<Key, string>> = { en, fr }

/** The `lang` attribute, else the page's language; French or English. */
export function pickLang(attr: string | null): Lang {
  const lang = (attr || (typeof document !== "undefined" ? document.documentElement.lang : "") || "en").toLowerCase()
  return lang.startsWith("fr") ? "fr" : "en"
}

export function translate(lang: Lang, key: Key, vars: Record<string, string> = {}): string {
  return strings[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? "")
}

/** A translated word for a server value (`status_lost`, `kind_spend`), or the value itself. */
export function translateValue(lang: Lang, prefix: "status" | "kind", value: string): string {
  const key = `${prefix}_${value}` as Key
  return key in en ? translate(lang, key) : value
}
