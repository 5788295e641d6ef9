export { CashlessDevice } from "./device"
export { CashlessPairingCode } from "./pairing-code"
