import type { DemoDataStep } from '../db/demo-data';
import type { RegionConfig } from '../region/region-config';
import type { RequestScope } from '../scope';
import { localDate } from './rules/contract-validity';
import { interviewPanel, type ExpertStatus } from './rules/expert-lifecycle';

/** mulberry32: a small seeded PRNG, so the demo data is the same on every first start. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FI_FIRST = [
  'Aino',
  'Eeva',
  'Helmi',
  'Jussi',
  'Kalle',
  'Leena',
  'Marja',
  'Mikko',
  'Niina',
  'Oskari',
  'Pekka',
  'Riikka',
  'Sanna',
  'Tuomas',
  'Ville',
  'Anneli',
  'Juha',
  'Katja',
  'Sari',
  'Timo',
];
const FI_LAST = [
  'Virtanen',
  'Korhonen',
  'Mäkinen',
  'Nieminen',
  'Mäkelä',
  'Hämäläinen',
  'Laine',
  'Heikkinen',
  'Koskinen',
  'Järvinen',
  'Lehtonen',
  'Saarinen',
  'Salminen',
  'Heinonen',
  'Niemi',
];
const SV_FIRST = [
  'Anders',
  'Britt',
  'Elin',
  'Fredrik',
  'Johanna',
  'Karin',
  'Lars',
  'Linnea',
  'Magnus',
  'Sofia',
  'Ulf',
  'Vera',
];
const SV_LAST = [
  'Lindholm',
  'Nyström',
  'Sundqvist',
  'Holmberg',
  'Lindqvist',
  'Åberg',
  'Ekström',
  'Wikström',
  'Forsman',
  'Granlund',
];
const INTRO_FI = [
  'Olen kokemusasiantuntija ja kerron mielelläni omasta toipumisestani.',
  'Minulla on kokemusta palvelujärjestelmästä sekä asiakkaana että läheisenä.',
  'Haluan olla tukena niille, jotka ovat nyt samassa tilanteessa kuin minä aikanaan.',
  'Teen mielelläni työparityötä ja ryhmänohjausta ammattilaisten kanssa.',
];
const INTRO_SV = [
  'Jag är erfarenhetsexpert och berättar gärna om min egen återhämtning.',
  'Jag har erfarenhet av servicesystemet både som klient och som anhörig.',
  'Jag vill stödja dem som nu är i samma situation som jag en gång var.',
];
const MUNICIPALITIES: Record<string, string[]> = {
  'ita-uusimaa': ['Porvoo', 'Loviisa', 'Sipoo', 'Pornainen', 'Myrskylä', 'Lapinjärvi'],
  'vantaa-kap': ['Vantaa', 'Kerava'],
  lapland: ['Rovaniemi', 'Sodankylä', 'Kemi', 'Tornio', 'Inari', 'Kemijärvi'],
};
const PANEL_NAMES: Record<string, string> = { PROFESSIONAL: 'Sari Sosiaalityöntekijä' };

/**
 * Units and 20–40 experts per region, at every lifecycle step, with contracts, trainings and tax
 * cards, built through the same service methods as the API (as the job `system:demo-data`), so
 * the demo obeys every rule the API enforces: units named after their service interface, interview
 * panels with the roles the region's step names, contracts valid when the expert is activated.
 */
export function expertDemoData(regions: RegionConfig[]): DemoDataStep {
  return async (_em, scope: RequestScope) => {
    const { experts, units: unitService } = scope.services;
    const today = new Date(scope.now());
    for (const [regionIndex, config] of regions.entries()) {
      const random = prng(20261123 + regionIndex);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
      const some = <T>(list: readonly T[], max: number): T[] => [
        ...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(list))),
      ];
      const towns = MUNICIPALITIES[config.id] ?? ['Helsinki'];
      const year = Number(localDate(today, config.timeZone).slice(0, 4));
      const unitIds: string[] = [];
      const unitCount = Math.min(config.serviceInterfaces.length, 3 + Math.floor(random() * 2));
      for (let i = 0; i < unitCount; i += 1) {
        const serviceInterface = config.serviceInterfaces[i]!;
        const town = towns[i % towns.length]!;
        const unit = await unitService.create(scope, {
          regionId: config.id,
          name: `${serviceInterface.label.fi ?? Object.values(serviceInterface.label)[0]}, ${town}`,
          serviceInterfaceId: serviceInterface.id,
          municipality: town,
          coordinatorNames: [`${pick(FI_FIRST)} ${pick(FI_LAST)}`],
        });
        unitIds.push(unit.id);
      }
      const step = interviewPanel(config.onboardingSteps);
      const coordinatorRole = config.coordinatorRoles[0]!.id;
      const panel = (step?.roles.length ? step.roles : [coordinatorRole]).map((role) => ({
        role,
        name: PANEL_NAMES[role] ?? 'Kaisa Koordinaattori',
      }));
      const bilingual = config.locales.includes('sv');
      const count = 20 + Math.floor(random() * 21);
      for (let i = 0; i < count; i += 1) {
        const swedish = bilingual && random() < 0.3;
        const first = pick(swedish ? SV_FIRST : FI_FIRST);
        const last = pick(swedish ? SV_LAST : FI_LAST);
        const r = random();
        const status: ExpertStatus =
          r < 0.6
            ? 'ACTIVE'
            : r < 0.7
              ? 'PAUSED'
              : r < 0.8
                ? 'CONTRACTED'
                : r < 0.88
                  ? 'INTERVIEWED'
                  : r < 0.95
                    ? 'APPLIED'
                    : 'ENDED';
        const email = `${first}.${last}${i}`
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z0-9.]/g, '');
        const taskTypeIds = some(
          config.taskTypes.map((t) => t.id),
          3,
        );
        const topicIds = some(
          config.topics.map((t) => t.id),
          3,
        );
        const expert = await experts.create(
          scope,
          {
            regionId: config.id,
            accountId: `demo-expert-${config.id}-${i}`,
            displayName: `${first} ${last}`,
            email: `${email}@example.fi`,
            phone: `+358 40 ${String(1000000 + Math.floor(random() * 8999999)).replace(/(\d{3})(\d{4})/, '$1 $2')}`,
            introduction: { fi: pick(INTRO_FI), ...(bilingual ? { sv: pick(INTRO_SV) } : {}) },
            topicIds,
            topicsPublic: random() < 0.6,
            languages: swedish ? ['sv', 'fi'] : random() < 0.2 ? ['fi', 'en'] : ['fi'],
            municipalities: some(towns, 2),
            remote: config.supportsRemoteWork && random() < 0.5,
            taskTypeIds,
            // Inducted in units once working (perehdytys).
            unitIds: status === 'ACTIVE' || status === 'PAUSED' ? some(unitIds, 2) : [],
          },
          'demo-data',
        );
        const hours = 30 + Math.floor(random() * 50);
        await experts.addTraining(
          scope,
          expert.id,
          {
            name: 'Kokemusasiantuntijakoulutus',
            provider: pick(['Kokoa ry', 'Mielenterveyden keskusliitto', 'Balanssi ry', 'Humak']),
            hours,
            startedOn: `${year - 2}-0${1 + (i % 5)}-01`,
            completedOn: `${year - 2}-${String(5 + (i % 5) + (random() < 0.3 ? -2 : 0)).padStart(2, '0')}-28`,
          },
          'demo-data',
        );
        if (status === 'APPLIED') continue;
        await experts.recordInterview(
          scope,
          expert.id,
          { heldOn: `${year - 1}-0${1 + (i % 9)}-15`, panel },
          'demo-data',
        );
        if (status === 'INTERVIEWED') continue;
        await experts.signContract(
          scope,
          expert.id,
          {
            validFrom: `${year - 1}-01-01`,
            validTo: `${year + 1}-12-31`,
            signedOn: `${year - 2}-12-15`,
            training: 'Kokemusasiantuntijakoulutus',
            topicIds,
            taskTypeIds,
          },
          'demo-data',
        );
        await experts.recordTaxCard(scope, expert.id, year - 1, `${year - 1}-01-20`, 'demo-data');
        if (random() < 0.7) await experts.recordTaxCard(scope, expert.id, year, `${year}-01-25`, 'demo-data');
        if (status === 'CONTRACTED') continue;
        await experts.changeStatus(scope, expert.id, 'ACTIVE', 'demo-data');
        if (status === 'PAUSED' || status === 'ENDED')
          await experts.changeStatus(scope, expert.id, status, 'demo-data');
      }
    }
  };
}
