/** What a card is called in messages and pages: its printed number when it has one. */
export const cardName = (card: { printed_number: string | null; uid: string }) =>
  card.printed_number ? `N° ${card.printed_number}` : card.uid
