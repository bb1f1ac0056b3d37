import { jdmTable, text } from './jdm-table';

export const AUTOMATION_POLICY_TABLE = 'automation-policy';

/**
 * Which recommended actions ordex may take without a person, judged per recommendation on its
 * action, cost, date and margin effect and the customer. Version 1 keeps people in the loop for
 * anything that costs real money, delays the customer or touches the price: sourcing from another
 * DC the customer allows for at most 150 and on time; rebooking another carrier on the requested
 * date for at most 100 more; resynchronising with the ERP. A price off contract always goes to
 * finance (pricing): a rep may have agreed it, so ordex neither corrects nor keeps it on its own.
 * First matching rule wins; the rule's id goes on the record with the decision.
 */
export const AUTOMATION_POLICY_TABLE_V1 = jdmTable({
  name: 'automation policy',
  hitPolicy: 'first',
  inputs: [
    { id: 'action', name: 'Action', field: 'action' },
    { id: 'cost', name: 'Cost', field: 'cost' },
    { id: 'dateEffectDays', name: 'Days late', field: 'dateEffectDays' },
    { id: 'marginEffect', name: 'Margin effect', field: 'marginEffect' },
    { id: 'tier', name: 'Customer tier', field: 'tier' },
  ],
  outputs: [
    { id: 'automatable', name: 'Without a person', field: 'automatable' },
    { id: 'rule', name: 'Policy rule', field: 'rule' },
  ],
  rules: [
    {
      _id: 'alternate-dc',
      action: text('ALTERNATE_DC'),
      cost: '<= 150',
      dateEffectDays: '0',
      marginEffect: '',
      tier: '',
      automatable: 'true',
      rule: text('alternate DC on time for at most 150'),
    },
    {
      _id: 'rebook-same-day',
      action: text('REBOOK_CARRIER'),
      cost: '<= 100',
      dateEffectDays: '0',
      marginEffect: '',
      tier: '',
      automatable: 'true',
      rule: text('another carrier on the requested date for at most 100 more'),
    },
    {
      _id: 'resync',
      action: text('RESYNC_ERP'),
      cost: '',
      dateEffectDays: '',
      marginEffect: '',
      tier: '',
      automatable: 'true',
      rule: text('resynchronise with the ERP'),
    },
    {
      _id: 'people',
      action: '',
      cost: '',
      dateEffectDays: '',
      marginEffect: '',
      tier: '',
      automatable: 'false',
      rule: text('a person decides'),
    },
  ],
});
