/**
 * The module graph of DESIGN.md, checked by `npm run lint` (dependency-cruiser).
 * Layers, each importing only from layers below it:
 *
 *   entry points   src/*.ts, cli/, admin/, health/
 *   features       billing/, licensing/, platform/, whitelabel/, support/, reports/, webhooks/,
 *                  operations/
 *                  (among themselves any direction, as long as no cycle forms)
 *   auth           login, tokens, passport strategies
 *   accounts       users, memberships, invitations
 *   tenancy        organizations and partner links
 *   mail           templates and sending; owners hand it data through a registry
 *   authz, audit,  the permission table, org access, policy decorators; the audit log;
 *   idempotency,   Idempotency-Key handling; the events webhooks hear, which every module
 *   webhook-events fires in its own transactions
 *   plumbing       config/, common/, database/, redis/, queue/, outbox/, rendering/
 *   libs/          pure code: never imports src/
 *
 * Raw SQL lives in each module's *.repository.ts files; their tenant-scoped methods take a
 * branded OrganizationId (src/common/organization-id.ts).
 */
const PLUMBING = 'config|common|database|redis|queue|outbox|rendering';
const ACCESS = 'authz|audit|idempotency|webhook-events';
const FEATURES = 'billing|licensing|platform|whitelabel|support|reports|webhooks|operations';
const TOP = 'admin|cli|health';
const ENTRY_FILES = '^src/[^/]+\\.ts$';

/** A rule: code in `from` folders must not import code in `to` folders (or the entry files). */
const mustNotImport = (name, comment, from, to, { entry = true } = {}) => ({
  name,
  comment,
  severity: 'error',
  from: { path: `^src/(${from})/` },
  to: { path: entry ? [`^src/(${to})/`, ENTRY_FILES] : `^src/(${to})/` },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles make modules impossible to change or test alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-between-modules',
      comment: 'The folders of src/ (and their sub-folders, e.g. billing/invoices) form an acyclic graph (DESIGN.md), whatever the files inside do.',
      severity: 'error',
      scope: 'folder',
      from: { path: ['^src/[^/]+$', '^src/[^/]+/[^/]+$'] },
      to: { path: ['^src/[^/]+$', '^src/[^/]+/[^/]+$'], circular: true },
    },
    {
      name: 'libs-are-pure',
      comment: 'libs/ is pure code (PDF builders, templates): no Nest module, no database, nothing from src/.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^src/' },
    },
    mustNotImport(
      'plumbing-stays-at-the-bottom',
      'Config, database, Redis, queues, outbox and common helpers know no domain module.',
      PLUMBING,
      `${ACCESS}|mail|tenancy|accounts|auth|${FEATURES}|${TOP}`,
    ),
    mustNotImport(
      'authz-and-audit-know-no-domain',
      'The permission table, org access, the audit log, idempotency keys and webhook events sit below every domain module that uses them.',
      ACCESS,
      `mail|tenancy|accounts|auth|${FEATURES}|${TOP}`,
    ),
    mustNotImport(
      'mail-knows-no-owner',
      'Mail knows templates, senders and its registry; the modules owning a mail fill the registry.',
      'mail',
      `tenancy|accounts|auth|${FEATURES}|${TOP}`,
    ),
    mustNotImport('tenancy-below-accounts', 'Organizations know no users, logins or features.', 'tenancy', `accounts|auth|${FEATURES}|${TOP}`),
    mustNotImport('accounts-below-auth', 'Users and memberships know no login mechanics or features.', 'accounts', `auth|${FEATURES}|${TOP}`),
    mustNotImport('auth-below-features', 'Login and tokens know no feature module.', 'auth', `${FEATURES}|${TOP}`),
    mustNotImport('features-below-the-top', 'Feature modules know neither the back-office, the CLI nor the entry points.', FEATURES, TOP),
    {
      name: 'raw-sql-only-in-repositories',
      comment: 'SQL strings live in narrow per-module repositories (*.repository.ts), not in services, controllers or processors.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['\\.repository\\.ts$', '^src/database/'] },
      to: { path: '^src/database/(raw-query|creation-order-page)\\.ts$' },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a type from another module is a dependency on it too.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
