import { Anchor } from '@mantine/core';
import { useCodeName } from '../../api/codes';
import type { Organization, ProviderProfile } from '../../api/types';
import { formatDate } from '../../lib/dates';
import { DetailList } from '../DetailList';
import { AccreditationStatusBadge } from '../StatusBadge';

export function ProviderProfileView({
  organization,
  provider,
}: {
  organization: Organization;
  provider: ProviderProfile;
}) {
  const typeName = useCodeName('provider-types', provider.organizationType);
  const countryName = useCodeName('countries', provider.country);
  const cityLine = [provider.city, [provider.state, provider.postalCode].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const address = [provider.street, cityLine].filter(Boolean).join('\n');

  return (
    <DetailList
      items={[
        { label: 'Name', value: organization.name },
        { label: 'Provider number', value: provider.providerNumber },
        { label: 'Other names', value: provider.otherNames.join('; ') },
        { label: 'Organisation type', value: typeName },
        { label: 'Address', value: address ? <span className="preserve-lines">{address}</span> : '' },
        { label: 'Country', value: countryName },
        {
          label: 'Website',
          value: provider.website ? (
            <Anchor href={provider.website} target="_blank" rel="noreferrer noopener">
              {provider.website}
            </Anchor>
          ) : (
            ''
          ),
        },
        { label: 'Accreditor', value: provider.accreditor.name },
        {
          label: 'Accreditation status',
          value: <AccreditationStatusBadge status={provider.accreditationStatus} />,
        },
        { label: 'Term start', value: formatDate(provider.termStart) },
        { label: 'Term end', value: formatDate(provider.termEnd) },
      ]}
    />
  );
}
