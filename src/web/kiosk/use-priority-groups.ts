// The 优先 groups this kiosk's hall honours, read each time a screen that offers them opens (an
// admin's change shows at the next citizen). Undefined until known: every choice is offered then.
import type { PriorityGroup } from '../../domain/priority.js';
import { getServices } from '../api/endpoints.js';
import { useI18n } from '../i18n/i18n.js';
import { useResource } from '../ui/use-resource.js';

export function usePriorityGroups(): readonly PriorityGroup[] | undefined {
  const { lang } = useI18n();
  const res = useResource((signal) => getServices(undefined, { lang, signal }), 'priority-groups');
  return res.data?.priorityGroups;
}
