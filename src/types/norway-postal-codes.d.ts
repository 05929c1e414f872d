/** The package ships plain JavaScript: postcode → place, e.g. { "1384": "ASKER" }. */
declare module 'norway-postal-codes' {
  const postalCodes: Record<string, string>;
  export default postalCodes;
}
