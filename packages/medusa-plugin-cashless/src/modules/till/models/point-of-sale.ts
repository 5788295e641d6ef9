import { model } from "@medusajs/framework/utils"

/**
 * A till: where it sells (a sales channel, a country for VAT), what (categories and collections
 * of that channel's products; none means all), and how it is paid (tenders).
 */
export const CashlessPointOfSale = model
  .define({ name: "CashlessPointOfSale", tableName: "cashless_point_of_sale" }, {
    id: model.id({ prefix: "pos" }).primaryKey(),
    name: model.text(),
    sales_channel_id: model.text(),
    currency_code: model.text(),
    country_code: model.text(),
    category_ids: model.json().nullable(),
    collection_ids: model.json().nullable(),
    tenders: model.json(),
    archived_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["name"], unique: true, where: "deleted_at IS NULL" }])
