import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { errorMessage } from '../../api/client';
import { useSwitchOrganization } from '../../api/session';
import { ORGANIZATION_KIND_LABELS } from '../../lib/labels';
import { useSession } from '../../lib/session';

/** Chooses the organisation the session acts for (decisions.md §1); shown only with two or more. */
export function OrganizationSwitcher() {
  const { me, organization } = useSession();
  const switchOrganization = useSwitchOrganization();
  const navigate = useNavigate();
  if (me.organizations.length < 2) return null;

  const data = (['PROVIDER', 'ACCREDITOR', 'BOARD', 'OPERATOR'] as const)
    .map((kind) => ({
      group: ORGANIZATION_KIND_LABELS[kind],
      items: me.organizations
        .filter((o) => o.kind === kind)
        .map((o) => ({ value: String(o.id), label: o.name })),
    }))
    .filter((group) => group.items.length > 0);

  const change = (value: string | null) => {
    const target = me.organizations.find((o) => String(o.id) === value);
    if (!target || String(target.id) === String(organization?.id)) return;
    switchOrganization.mutate(target.id, {
      onSuccess: () => {
        notifications.show({ message: `You are now acting for ${target.name}.` });
        // Pages belong to one organisation: start again from its home page.
        navigate({ to: '/' });
      },
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: 'Could not switch organisation',
          message: errorMessage(error),
        }),
    });
  };

  return (
    <Select
      aria-label="Acting organisation"
      data={data}
      value={organization ? String(organization.id) : null}
      onChange={change}
      allowDeselect={false}
      disabled={switchOrganization.isPending}
      w={{ base: '100%', sm: 280 }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
