import { itemName, missingQuantityRule } from './missing-quantity';

/** Provision must say how long or how much (CoP 9.69: "hours"; L v Clarke & Somerset CC). */
export const provisionNoAmount = missingQuantityRule({
  id: 'provision-no-amount',
  severity: 'error',
  description: 'Provision does not say how long each session lasts or how many hours are provided.',
  missing: 'amount',
  message: (item) =>
    `${itemName(item)} does not say how long or how much. Add the length of each session or the hours, for example "45 minutes" or "25 hours a week".`,
  template: ', __ minutes each session',
});
