// What other features may call of networks/: linking a resource family's account (the demo data).

export { linkResourceFamilyUser } from './service/edit-membership.js';
