using CommonThread.Tests.Infrastructure;

// One app per provider for the whole run: starting one costs a migration and the demo seed.
[assembly: AssemblyFixture(typeof(SqliteApp))]
[assembly: AssemblyFixture(typeof(PostgresApp))]
