import { useMemo } from 'react';
import type { BoardLists, RuleContext } from '../../../../../src/modules/activities/activity.rules';
import { chicagoDate } from '../../../../../src/platform/clock';
import { type BoardAreaLists, useBoardAreaLists, useRemsBlueprintSections } from '../../../api/activities';
import { useOrganization } from '../../../api/organizations';
import { useAccreditors } from '../../../api/providers';
import { useInstance } from '../../../api/session';
import { useSession } from '../../../lib/session';
import type { ActivityFormState } from './form-state';

/** "Today" as the server sees it: the instance's fixed date, else the date in America/Chicago. */
export function useToday(): string {
  const { data: instance } = useInstance();
  return instance?.fixedToday ?? chicagoDate(new Date());
}

/** Whether the acting provider is accredited by Joint Accreditation (C8; 0 credits allowed). */
export function useJointAccreditation(): boolean {
  const { organization } = useSession();
  const org = useOrganization(organization?.kind === 'PROVIDER' ? organization.id : null);
  const accreditors = useAccreditors();
  const accreditorId = org.data?.provider?.accreditor.id;
  const kind = accreditors.data?.find((a) => String(a.id) === String(accreditorId))?.accreditorKind;
  return kind === 'JOINT_ACCREDITATION';
}

export type ActivityRuleContext = {
  ctx: RuleContext;
  /** The board lists loaded so far, with names, for the pickers. */
  boardLists: Record<string, BoardAreaLists>;
  blueprintSections: { code: string; name: string; active: boolean }[] | undefined;
  jointAccreditation: boolean;
};

/**
 * The rule context the server builds (activity.service.ts ruleContext): today, Joint Accreditation,
 * the boards' active practice and content areas, the REMS Blueprint sections. While a list is still
 * loading, the form's own choices stand in for it, so nothing is flagged before the list is known.
 */
export function useActivityRuleContext(state: ActivityFormState): ActivityRuleContext {
  const { me } = useSession();
  const today = useToday();
  const jointAccreditation = useJointAccreditation();
  const boards = state.mocRegistrations.map((m) => m.board);
  const boardLists = useBoardAreaLists(boards);
  const blueprint = useRemsBlueprintSections();

  const registrations = state.mocRegistrations;
  const chosenSections = state.rems.blueprintSections;
  const ctx = useMemo<RuleContext>(() => {
    const lists: BoardLists = {};
    for (const m of registrations) {
      const loaded = boardLists[m.board];
      lists[m.board] = loaded
        ? {
            practiceAreas: loaded.practiceAreas.filter((e) => e.active).map((e) => e.code),
            contentAreas: loaded.contentAreas.filter((e) => e.active).map((e) => e.code),
          }
        : { practiceAreas: m.practiceAreas, contentAreas: m.contentAreas };
    }
    return {
      today,
      jointAccreditation,
      boardLists: lists,
      remsBlueprintSections: blueprint.data
        ? blueprint.data.filter((e) => e.active).map((e) => e.code)
        : chosenSections,
      currentUser: me.user.id,
      // Attestations are stamped on save; any time marks them as given for the preview.
      now: new Date(0).toISOString(),
    };
  }, [today, jointAccreditation, registrations, boardLists, blueprint.data, chosenSections, me.user.id]);

  return { ctx, boardLists, blueprintSections: blueprint.data, jointAccreditation };
}
