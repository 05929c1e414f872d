/** What other features may call of templates/: the template for each household, and the municipality's name it signs with. */
export { municipalityName } from './queries.js';
export { templateChooser } from './service/edit-templates.js';
