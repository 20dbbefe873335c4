using CommonThread.Bench;
using CommonThread.Bench.Accountability;
using CommonThread.Bench.Assessments;
using CommonThread.Bench.Deployment;
using CommonThread.Bench.DueDiligence;
using CommonThread.Bench.Grievances;
using CommonThread.Bench.Homework;
using CommonThread.Bench.Imports;
using CommonThread.Bench.Knowledge;
using CommonThread.Bench.Matching;
using CommonThread.Bench.SupplyChain;
using CommonThread.Bench.XlsFormConformance;

return args.FirstOrDefault() switch
{
    "matching" => await MatchingBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1))),
    "import" => await ImportBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1))),
    "intake" => await IntakeBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1))),
    "homework" => await HomeworkBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1))),
    "assessments" => await AssessmentBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1))),
    "accountability" => await AccountabilityBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1))),
    "portfolio" => await PortfolioBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1))),
    "due-diligence" => await DueDiligenceBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1))),
    "library" => await LibraryBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1))),
    "nodes" => await NodesBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1))),
    "xlsform-conformance" => await ConformanceBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1))),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("""
        usage: dotnet run -c Release --project bench/CommonThread.Bench -- COMMAND [--name value …]
          matching   match a synthetic list against a synthetic registry; pg_trgm baseline in the same run
                     --registry 1000000 --rows 100000 --trgm-sample 2000 --postgres "Host=…;Username=…"
                     (without --postgres: CT_BENCH_POSTGRES, else the baseline is skipped and says so)
                     then the hand-labelled pairs (tests/CommonThread.Matching.Tests/LabelledPairs) per kind
                     --labelled DIR --labelled-misses yes
          import     a facility list imported end to end into PostgreSQL through the running app's API
                     --rows 100000 --registry 100000 --postgres "Host=…;Username=…"
          intake     anonymous grievance submissions through the intake API, with Argon2id alone and a bare hello as references
                     --clients 50 --seconds 60 --postgres "Host=…;Username=…"
          homework   payment records imported through the app against a raw COPY of the same rows; passbook page and brand dashboard under load
                     --homeworkers 200000 --payments 5000000 --file-rows 200000 --clients 8 --seconds 20 --postgres "Host=…;Username=…"
          assessments  XLSForm evaluation passes of a 300-question form, a 2,000-row form read from XLSX, 50,000 responses written as XLSX (no database)
                     --passes 5000 --import-rows 2000 --responses 50000
          portfolio  a brand with 20,000 facilities: facilities list, chain and map pages and the facilities API under load (p95, page size)
                     --facilities 20000 --clients 2 --seconds 15 --postgres "Host=…;Username=…"
          xlsform-conformance  the expression conformance table (tests/CommonThread.XlsForm.Tests/Conformance/expressions.tsv): pass rate by category
                     --table PATH
          due-diligence  a brand's cycle: proposals, register and its page, the CSDDD statement (JSON, PDF, XLSX), LkSG and ESRS S2
                     --facilities 5000 --findings 50000 --cases 2000 --impacts 500 --postgres "Host=…;Username=…"
          accountability  a monitoring round: feedback release, the initiative-wide report (JSON, PDF, XLSX), a brand's scorecard page under load
                     --brands 200 --facilities 20000 --responses 100000 --clients 4 --seconds 20 --postgres "Host=…;Username=…"
          nodes      the deploy/ topology (nginx, app nodes, PgBouncer, primary and replica) with 2 nodes, 1, then 2 again: throughput, latency, replica lag
                     --clients 8 --seconds 20 --warm-up-seconds 10 (brings the topology up and down itself; CT_TOPOLOGY for its folder)
          library    the public knowledge library: ranked searches in six languages (p95) and the anonymous library page under load
                     --documents 100000 --clients 50 --seconds 20 --postgres "Host=…;Username=…"
        """);
    return 2;
}
