import { itemName, missingQuantityRule } from './missing-quantity';

/** Provision must say how often (CoP 9.69: "type, hours and frequency of support"). */
export const provisionNoFrequency = missingQuantityRule({
  id: 'provision-no-frequency',
  severity: 'error',
  description: 'Provision does not say how often it is delivered.',
  missing: 'frequency',
  message: (item) =>
    `${itemName(item)} does not say how often it happens. Add a frequency, for example "once a week", "3 x 20 minutes weekly" or "every school day".`,
  template: ', __ times a week',
});
