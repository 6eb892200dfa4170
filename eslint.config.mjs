import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['jest.config.js', 'dist/', 'node_modules/', 'var/', 'coverage/', 'test-artifacts/', '.adminjs/', 'scripts/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'error',
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', '**/*.spec.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    // Problem codes live in each module's *.errors.ts (and the HTTP machinery of src/common), never inline in services.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.errors.ts', 'src/common/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name=/^(conflict|badRequest)$/] > Literal:first-child",
          message: "Name this problem in the module's *.errors.ts instead of writing its code here.",
        },
        {
          selector: "NewExpression[callee.name=/^(DomainError|\\w*Exception)$/]",
          message: "Name this problem in the module's *.errors.ts instead of constructing it here.",
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
);
