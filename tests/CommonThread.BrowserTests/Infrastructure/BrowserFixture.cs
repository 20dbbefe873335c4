using CommonThread.BrowserTests.Infrastructure;

[assembly: AssemblyFixture(typeof(BrowserApp))]
