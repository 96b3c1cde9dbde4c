// `npm run test:integration:pg` is the run against PostgreSQL: without DATABASE_URL the tests would quietly use
// PGlite and pass without ever touching the server.
if (!process.env.DATABASE_URL) {
  console.error(
    "test:integration:pg needs DATABASE_URL, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run test:integration:pg\n" +
      "(npm run test:integration runs the same tests on PGlite).",
  );
  process.exit(1);
}
