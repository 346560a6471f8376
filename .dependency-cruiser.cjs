/**
 * The dependency rules of danchu (DESIGN.md "Shape of the code"; README "Architecture"), checked
 * by `npm run deps` inside `npm test`. Imports flow one way: domain ← contracts ← server, web;
 * platform knows no module; a module uses another only through that module's index.ts.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain is pure TypeScript: it imports nothing of contracts, server or web.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(contracts|server|web)/' },
    },
    {
      name: 'contracts-below-apps',
      comment: 'The API contracts are shared by server and web and import neither.',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { path: '^src/(server|web)/' },
    },
    {
      name: 'web-not-server',
      comment: 'The web app talks to the server over HTTP only (a test may check that both sides agree).',
      severity: 'error',
      from: { path: '^src/web/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src/server/' },
    },
    {
      name: 'server-not-web',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'platform-knows-no-module',
      comment: 'Platform code never imports a module; modules plug in through their manifests.',
      severity: 'error',
      from: { path: '^src/server/platform/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/server/modules/' },
    },
    {
      name: 'module-internals',
      comment:
        'A module uses another module only through what its index.ts exports, never its tables or services. ' +
        "(A tables.ts may reference another module's tables.ts for a foreign key: see the next rule.)",
      severity: 'error',
      from: { path: '^src/server/modules/([^/]+)/', pathNot: '(^src/server/modules/[^/]+/tables\\.ts$|\\.test\\.ts$)' },
      to: {
        path: '^src/server/modules/[^/]+/',
        pathNot: ['^src/server/modules/$1/', '^src/server/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'tables-only-for-foreign-keys',
      comment: "A module's tables.ts may import another module's tables.ts (a foreign key), nothing else of it.",
      severity: 'error',
      from: { path: '^src/server/modules/([^/]+)/tables\\.ts$' },
      to: {
        path: '^src/server/modules/[^/]+/',
        pathNot: ['^src/server/modules/$1/', '^src/server/modules/[^/]+/(tables|index)\\.ts$'],
      },
    },
    {
      name: 'no-module-cycles',
      comment: 'Modules depend on each other in one direction only.',
      severity: 'error',
      from: { path: '^src/server/modules/' },
      to: { path: '^src/server/modules/', circular: true, viaOnly: { path: '^src/server/modules/[^/]+/index\\.ts$' } },
    },
    {
      name: 'web-features-apart',
      comment: 'A web feature uses another feature only through its module.tsx; shared pieces live in web/ui.',
      severity: 'error',
      from: { path: '^src/web/features/([^/]+)/', pathNot: '\\.test\\.tsx?$' },
      to: {
        path: '^src/web/features/[^/]+/',
        pathNot: ['^src/web/features/$1/', '^src/web/features/[^/]+/module\\.tsx$'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|dist)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
