import { itemName, missingQuantityRule } from './missing-quantity';

/** Provision must say who delivers it and their level of expertise (CoP 9.69). */
export const provisionNoProvider = missingQuantityRule({
  id: 'provision-no-provider',
  severity: 'warning',
  description: 'Provision does not say who delivers it or their level of expertise.',
  missing: 'provider',
  message: (item) =>
    `${itemName(item)} does not say who delivers it. Name the role and their training, for example "a Teaching Assistant trained in Precision Teaching" or "an HCPC-registered Speech and Language Therapist".`,
  template: ', delivered by __ (role and training)',
});
