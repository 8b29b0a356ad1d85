// The same-origin server of the tests is the project's development server (scripts/serve.mjs),
// so the suite runs under the production Content-Security-Policy behind both servers.
export { startStaticProxy, productionCsp } from '../../scripts/serve.mjs';
