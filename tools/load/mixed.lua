-- wrk script for the `entente serve` load test (tools/load/run.sh): every
-- request picks one of these API and page paths at random.
local paths = {
  "/api/v1/documents?limit=20",
  "/api/v1/documents/guardian-3",
  "/api/v1/documents/guardian-88",
  "/api/v1/events?limit=50",
  "/api/v1/events?dyad=TUR,SYR&limit=20",
  "/api/v1/events?actor=IRN&from=2018-01-01&limit=20",
  "/api/v1/dyads/TUR/SYR",
  "/api/v1/dyads/USA/IRN",
  "/api/v1/actors/TUR",
  "/api/v1/brokers?between=TUR,USA",
  "/api/v1/search?q=ceasefire",
  "/api/v1/search?q=%22red%20line%22",
  "/api/v1/quotes?limit=20",
  "/api/v1/facts?limit=20",
  "/",
  "/documents/guardian-3",
  "/documents/guardian-120",
  "/dyads/TUR/SYR",
  "/network",
  "/search?q=Erdogan&actor=TUR",
}

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors: connect %d read %d write %d timeout %d status %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, summary.errors.status))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("p%s %.1f ms\n", p, latency:percentile(p) / 1000))
  end
end
