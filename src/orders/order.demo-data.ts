import type { DemoDataStep } from '../db/demo-data';
import { Expert } from '../experts/expert.entity';
import type { RegionConfig } from '../region/region-config';
import { createScope, type RequestScope } from '../scope';
import { Unit } from '../units/unit.entity';
import { Offer, OrderSession } from './order.entity';
import type { CreateOrderInput } from './order.service';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Orders in every status in every region, built through the order service after the experts'
 * step: drafts, requests, offers, accepted work, done work with outcomes (held, a client's no-show
 * and, in a group, no participants), cancelled work (one session in time, one late), and an
 * expert who stepped back (with the coordinators' notification). Lapland also has a request from
 * outside the county. Work before the demo clock is recorded after the fact, as coordinators do;
 * experts answer as themselves.
 */
export function orderDemoData(regions: RegionConfig[]): DemoDataStep {
  return async (em, scope: RequestScope) => {
    const { orders } = scope.services;
    const now = scope.now().getTime();
    for (const config of regions) {
      const [experts, units] = await Promise.all([
        em.find(Expert, { regionId: config.id, status: 'ACTIVE' }, { orderBy: { accountId: 'asc' } }),
        em.find(Unit, { regionId: config.id }, { orderBy: { name: 'asc' } }),
      ]);
      // Experts who can do a task type in a unit: under contract for it and oriented there.
      const candidates = (taskTypeId: string) =>
        experts
          .filter((e) => e.taskTypeIds.includes(taskTypeId))
          .flatMap((e) =>
            (config.work.unitOrientationRequired ? e.unitIds : units.map((u) => u.id)).map((unitId) => ({
              expert: e,
              unitId,
            })),
          );
      const paidTasks = config.taskTypes.filter((t) => t.paid && candidates(t.id).length);
      if (!paidTasks.length || !units.length) continue;
      const asExpert = (e: Expert): RequestScope =>
        createScope({
          services: scope.services,
          em,
          viewer: { id: e.accountId!, name: e.displayName, grants: [{ role: 'EXPERT', regionId: config.id }] },
          now: scope.now,
          log: scope.log,
        });
      /** Feedback from the expert and a professional of the unit, each answering every scale and yes/no question. */
      const demoFeedback = async (orderId: string, unitId: string, e: Expert) => {
        const answersFor = (respondent: 'EXPERT' | 'PROFESSIONAL') =>
          config.feedbackQuestions[respondent].map((q) =>
            q.kind === 'SCALE_1_5'
              ? { questionId: q.id, scale: 4 }
              : q.kind === 'YES_NO'
                ? { questionId: q.id, yes: true }
                : { questionId: q.id, text: 'Hyvä yhteistyö, kiitos.' },
          );
        await scope.services.feedback.submit(asExpert(e), orderId, answersFor('EXPERT'));
        const professional = createScope({
          services: scope.services,
          em,
          viewer: {
            id: `demo-professional-${config.id}`,
            name: 'Demo-ammattilainen',
            grants: [{ role: 'PROFESSIONAL', regionId: config.id, unitId }],
          },
          now: scope.now,
          log: scope.log,
        });
        await scope.services.feedback.submit(professional, orderId, answersFor('PROFESSIONAL'));
      };
      let n = 0;
      /** One order of the n-th paid task type, with its sessions `days` from the demo clock at 10:00 UTC. */
      const place = async (title: string, days: number[], over: Partial<CreateOrderInput> = {}) => {
        const task = paidTasks[n % paidTasks.length]!;
        const pick = candidates(task.id)[n % candidates(task.id).length]!;
        n += 1;
        // 12:00 UTC, early afternoon in Finland.
        const start = (d: number) => new Date(Math.floor(now / DAY) * DAY + d * DAY + 12 * HOUR);
        const order = await orders.create(
          scope,
          {
            regionId: config.id,
            unitId: pick.unitId,
            taskTypeId: task.id,
            title,
            language: config.locales[0]!,
            municipality: units.find((u) => u.id === pick.unitId)?.municipality ?? 'Helsinki',
            sessions: days.map((d) => ({ startsAt: start(d), endsAt: new Date(start(d).getTime() + 1.5 * HOUR) })),
            preparationMinutes: 30,
            ...over,
          },
          null,
        );
        return {
          order,
          expert: pick.expert,
          others: candidates(task.id).filter((c) => c.expert.id !== pick.expert.id && c.unitId === pick.unitId),
        };
      };
      const accept = async (orderId: string, e: Expert) => {
        await orders.offer(scope, orderId, [e.id]);
        const mine = await em.findOneOrFail(Offer, { orderId, expertId: e.id, status: 'OFFERED' });
        await orders.respond(asExpert(e), mine.id, true);
      };

      await place('Luonnos: vertaistukiryhmän aloitus', [20], { draft: true });
      await place('Kokemuspuheenvuoro henkilöstöpäivään', [14]);
      const offered = await place('Asiakastapaaminen työparina', [10]);
      await orders.offer(scope, offered.order.id, [
        offered.expert.id,
        ...offered.others.slice(0, 1).map((o) => o.expert.id),
      ]);
      const accepted = await place('Luento opiskelijoille', [7]);
      await accept(accepted.order.id, accepted.expert);

      // Done: held, and a client who did not come; recorded after the fact.
      for (const [title, outcome] of [
        ['Yksilötapaaminen', 'COMPLETED'],
        ['Asiakas ei saapunut', 'CLIENT_NO_SHOW'],
      ] as const) {
        const done = await place(title, [-14]);
        await accept(done.order.id, done.expert);
        const [session] = await em.find(OrderSession, { orderId: done.order.id });
        await orders.recordOutcome(scope, session!.id, { outcome, minutes: outcome === 'COMPLETED' ? 85 : null });
        await demoFeedback(done.order.id, done.order.unitId!, done.expert);
      }
      const groupTask = config.taskTypes.find((t) => t.id === 'group-guidance' && candidates(t.id).length);
      if (groupTask) {
        const pick = candidates(groupTask.id)[0]!;
        const day = (d: number) => new Date(Math.floor(now / DAY) * DAY + d * DAY + 12 * HOUR);
        const from = new Date(now - 30 * DAY).toISOString().slice(0, 10);
        const group = await orders.create(
          scope,
          {
            regionId: config.id,
            unitId: pick.unitId,
            taskTypeId: groupTask.id,
            title: 'Vertaisryhmä',
            language: config.locales[0]!,
            municipality: units.find((u) => u.id === pick.unitId)?.municipality ?? 'Helsinki',
            group: { from, to: new Date(now - DAY).toISOString().slice(0, 10) },
            sessions: [-21, -14].map((d) => ({ startsAt: day(d), endsAt: new Date(day(d).getTime() + 1.5 * HOUR) })),
          },
          null,
        );
        await accept(group.id, pick.expert);
        const sessions = await em.find(OrderSession, { orderId: group.id }, { orderBy: { startsAt: 'asc' } });
        await orders.recordOutcome(scope, sessions[0]!.id, { outcome: 'COMPLETED', minutes: 90 });
        await orders.recordOutcome(scope, sessions[1]!.id, { outcome: 'NO_PARTICIPANTS' });
      }

      // Cancelled today: a session later today (late: paid) and one in three weeks (in time).
      const cancelled = await place('Peruttu koulutus', [0, 21]);
      await accept(cancelled.order.id, cancelled.expert);
      await orders.cancelOrder(scope, cancelled.order.id, 'Tilaisuus peruttiin');

      // An expert stepped back; the order waits for a replacement.
      const withdrawn = await place('Ryhmäkäynti, sijainen haussa', [12]);
      await accept(withdrawn.order.id, withdrawn.expert);
      await orders.withdraw(asExpert(withdrawn.expert), withdrawn.order.id);

      // Supervision for the first experts; the others show up as without it.
      for (const e of experts.slice(0, 3))
        await scope.services.support.record(scope, {
          regionId: config.id,
          expertId: e.id,
          kind: 'SUPERVISION',
          heldOn: new Date(now - 20 * DAY).toISOString().slice(0, 10),
          attended: true,
        });
      // Reception hours where the region has reception work.
      const receptionist = config.receptionWork ? candidates('reception')[0] : undefined;
      if (receptionist)
        await scope.services.reception.record(scope, {
          regionId: config.id,
          unitId: receptionist.unitId,
          expertId: receptionist.expert.id,
          startsAt: new Date(now - 7 * DAY),
          endsAt: new Date(now - 7 * DAY + 3 * HOUR),
          kind: 'WALK_IN',
          visitorCount: 5,
        });

      if (config.work.externalRequesters) {
        const task = paidTasks[0]!;
        const e = candidates(task.id)[0]!.expert;
        const external = await orders.create(
          scope,
          {
            regionId: config.id,
            externalRequester: { organisation: 'Yläkoulu', contactPerson: 'Rehtori', email: 'rehtori@example.fi' },
            taskTypeId: task.id,
            title: 'Oppitunti ahdistuksesta',
            language: config.locales[0]!,
            remote: config.supportsRemoteWork,
            municipality: config.supportsRemoteWork ? null : 'Rovaniemi',
            sessions: [{ startsAt: new Date(now + 9 * DAY), endsAt: new Date(now + 9 * DAY + HOUR) }],
          },
          null,
        );
        await orders.offer(scope, external.id, [e.id]);
      }
    }
  };
}
