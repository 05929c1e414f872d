// What other features may call of sender-settings/: the sending reads each municipality's sender.
export { type MunicipalitySender, municipalitySender } from './service.js';
