/** Demo data of reception and cases (issue #5). */
import type { SeedContext } from '../manifest';

export async function seedCasesDemo(_ctx: SeedContext): Promise<void> {}
