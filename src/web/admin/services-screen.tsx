// 业务设置: the list of services, or the editor of one (?service=3 / ?service=new). What was
// saved is said above the list afterwards.
import { useEffect, useState } from 'react';
import type { AdminService } from '../../contracts/admin.js';
import { useI18n } from '../i18n/i18n.js';
import { localName } from '../i18n/local-name.js';
import { navigate } from '../nav/router.js';
import { Banner } from '../ui/banner.js';
import { LoadFailed, Loading } from '../ui/loading.js';
import { getAdminServices, getCatalog } from './admin-endpoints.js';
import { editingOf, tabHref } from './admin-tabs.js';
import { ServiceEditor } from './service-editor.js';
import { ServiceList } from './service-list.js';
import { useAdminResource } from './use-admin-resource.js';

export function ServicesScreen({ query }: { query: URLSearchParams }) {
  const { t, lang } = useI18n();
  const editing = editingOf(query);
  const services = useAdminResource((call) => getAdminServices(call), 'admin-services');
  const catalog = useAdminResource((call) => getCatalog(call), 'catalog');
  const [flash, setFlash] = useState<string | null>(null);
  // A message about the last save belongs to the list it was shown over, not to a later visit.
  useEffect(() => {
    if (editing !== null) setFlash(null);
  }, [editing]);

  if (!services.data || (editing !== null && !catalog.data)) {
    const failed = services.error !== null ? services : catalog;
    return <section className="admin-screen">{failed.error !== null ? <LoadFailed error={failed.error} onRetry={failed.reload} /> : <Loading />}</section>;
  }
  const list = services.data.services;
  const nameOf = (s: AdminService) => localName(s, lang);

  if (editing !== null) {
    const service = editing === 'new' ? null : (list.find((s) => s.id === editing) ?? undefined);
    if (service === undefined) {
      return (
        <section className="admin-screen">
          <Banner tone="error" title={t('admin.svc.notFound')} />
        </section>
      );
    }
    return (
      <ServiceEditor
        key={editing}
        service={service}
        services={list}
        catalog={catalog.data?.entries ?? []}
        onCancel={() => navigate(tabHref('services'))}
        onSaved={(saved, created) => {
          setFlash(t(created ? 'admin.svc.created' : 'admin.svc.saved', { letter: saved.letter, name: nameOf(saved) }));
          services.reload();
          catalog.reload();
          navigate(tabHref('services'));
        }}
      />
    );
  }

  return <ServiceList services={list} loading={services.loading} flash={flash} onFlash={setFlash} onChanged={services.reload} />;
}
