import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemoDataStep } from '../db/demo-data';
import type { RegionConfig } from '../region/region-config';
import { Unit } from '../units/unit.entity';
import { ExpertContract, ExpertTaxCard, ExpertTraining } from './expert-records.entity';
import { Expert } from './expert.entity';
import type { ExpertStatus } from './rules/expert-lifecycle';

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

const FI_FIRST = ['Aino', 'Eeva', 'Helmi', 'Jussi', 'Kalle', 'Leena', 'Marja', 'Mikko', 'Niina', 'Oskari', 'Pekka', 'Riikka', 'Sanna', 'Tuomas', 'Ville', 'Anneli', 'Juha', 'Katja', 'Sari', 'Timo'];
const FI_LAST = ['Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen', 'Lehtonen', 'Saarinen', 'Salminen', 'Heinonen', 'Niemi'];
const SV_FIRST = ['Anders', 'Britt', 'Elin', 'Fredrik', 'Johanna', 'Karin', 'Lars', 'Linnea', 'Magnus', 'Sofia', 'Ulf', 'Vera'];
const SV_LAST = ['Lindholm', 'Nyström', 'Sundqvist', 'Holmberg', 'Lindqvist', 'Åberg', 'Ekström', 'Wikström', 'Forsman', 'Granlund'];
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
const UNIT_NAMES = ['Aikuissosiaalityö', 'Mielenterveys- ja päihdepalvelut', 'Perhekeskus', 'Työikäisten palvelut'];

/** Units and 20–40 experts per region, at every lifecycle step, with contracts, trainings and tax cards. */
export function expertDemoData(regions: RegionConfig[], now = new Date()): DemoDataStep {
  return async (em: EntityManager) => {
    await em.execute(`select set_config('app.region_ids', ?, true)`, [regions.map((r) => r.id).join(',')]);
    const year = now.getUTCFullYear();
    regions.forEach((config, regionIndex) => {
      const random = prng(20261123 + regionIndex);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
      const some = <T>(list: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(list)))];
      const towns = MUNICIPALITIES[config.id] ?? ['Helsinki'];
      const units = UNIT_NAMES.slice(0, 3 + Math.floor(random() * 2)).map((name, i) =>
        em.create(Unit, {
          regionId: config.id,
          name: `${name}, ${towns[i % towns.length]}`,
          serviceInterfaceId: config.serviceInterfaces[i % config.serviceInterfaces.length]!.id,
          municipality: towns[i % towns.length]!,
          coordinatorNames: [`${pick(FI_FIRST)} ${pick(FI_LAST)}`],
          createdAt: now,
        }),
      );
      const bilingual = config.locales.includes('sv');
      const count = 20 + Math.floor(random() * 21);
      for (let i = 0; i < count; i += 1) {
        const swedish = bilingual && random() < 0.3;
        const first = pick(swedish ? SV_FIRST : FI_FIRST);
        const last = pick(swedish ? SV_LAST : FI_LAST);
        const r = random();
        const status: ExpertStatus = r < 0.6 ? 'ACTIVE' : r < 0.7 ? 'PAUSED' : r < 0.8 ? 'CONTRACTED' : r < 0.88 ? 'INTERVIEWED' : r < 0.95 ? 'APPLIED' : 'ENDED';
        const email = `${first}.${last}${i}`.toLowerCase().normalize('NFD').replace(/[^a-z0-9.]/g, '');
        const expert = em.create(Expert, {
          regionId: config.id,
          status,
          pseudonym: `KA-DEMO-${config.id.slice(0, 3).toUpperCase()}${String(i).padStart(3, '0')}`,
          accountId: `demo-expert-${config.id}-${i}`,
          displayName: `${first} ${last}`,
          email: `${email}@example.fi`,
          phone: `+358 40 ${String(1000000 + Math.floor(random() * 8999999)).replace(/(\d{3})(\d{4})/, '$1 $2')}`,
          introduction: { fi: pick(INTRO_FI), ...(bilingual ? { sv: pick(INTRO_SV) } : {}) },
          topicIds: some(config.topics.map((t) => t.id), 3),
          topicsPublic: random() < 0.6,
          languages: swedish ? ['sv', 'fi'] : random() < 0.2 ? ['fi', 'en'] : ['fi'],
          municipalities: some(towns, 2),
          remote: config.supportsRemoteWork && random() < 0.5,
          taskTypeIds: some(config.taskTypes.map((t) => t.id), 3),
          unitIds: status === 'ACTIVE' ? some(units.map((u) => u.id), 2) : [],
          createdAt: now,
          statusChangedAt: now,
        });
        if (status !== 'APPLIED') {
          expert.interview = { stepId: 'interview', heldOn: `${year - 1}-0${1 + (i % 9)}-15`, panel: [{ role: config.coordinatorRoles[0]!.id, name: 'Koordinaattori' }], notes: null };
        }
        if (['CONTRACTED', 'ACTIVE', 'PAUSED', 'ENDED'].includes(status)) {
          em.create(ExpertContract, {
            regionId: config.id,
            expert,
            validFrom: `${year - 1}-01-01`,
            validTo: status === 'ENDED' ? `${year - 1}-12-31` : `${year + 1}-12-31`,
            signedOn: `${year - 2}-12-15`,
            training: 'Kokemusasiantuntijakoulutus',
            earlierExperience: null,
            topicIds: expert.topicIds,
            wishes: null,
            taskTypeIds: expert.taskTypeIds,
            createdAt: now,
          });
          em.create(ExpertTaxCard, { regionId: config.id, expert, year: year - 1, receivedOn: `${year - 1}-01-20` });
          if (random() < 0.7) em.create(ExpertTaxCard, { regionId: config.id, expert, year, receivedOn: `${year}-01-25` });
        }
        const hours = 30 + Math.floor(random() * 50);
        em.create(ExpertTraining, {
          regionId: config.id,
          expert,
          name: 'Kokemusasiantuntijakoulutus',
          provider: pick(['Kokoa ry', 'Mielenterveyden keskusliitto', 'Balanssi ry', 'Humak']),
          hours,
          startedOn: `${year - 2}-0${1 + (i % 5)}-01`,
          completedOn: `${year - 2}-${String(5 + (i % 5) + (random() < 0.3 ? -2 : 0)).padStart(2, '0')}-28`,
        });
      }
    });
    await em.flush();
  };
}
