-- Makes every request of a wrk run a cache miss: each asks for the same list of stories with an
-- updated_since a second later than the last, all before any story was saved, so each answer is
-- the whole list, rendered anew. Used by bench/run.sh for the uncached content API row.
local n = 0
request = function()
  n = n + 1
  local since = os.date("!%Y-%m-%dT%H:%M:%SZ", 946684800 + n + math.random(0, 1000000) * 100)
  return wrk.format("GET", wrk.path .. "&updated_since=" .. since)
end
