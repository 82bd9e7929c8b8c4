// `npm run bench`: runs each benchmark and prints its figures as ratios to a baseline measured in the
// same run (DESIGN.md "Performance habits"). BENCH_DATABASE_URL selects PostgreSQL.
import { run as activitiesList } from './activities-list.bench';
import { run as uploadTemplateD } from './upload-template-d.bench';

const only = process.argv[2];
const benches: Record<string, () => Promise<Record<string, unknown>>> = {
  'activities-list': activitiesList,
  'upload-template-d': uploadTemplateD,
};
for (const [name, bench] of Object.entries(benches)) {
  if (only && only !== name) continue;
  const result = await bench();
  console.log(JSON.stringify(result, null, 2));
}
process.exit(0);
