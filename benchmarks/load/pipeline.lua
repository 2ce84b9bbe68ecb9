-- wrk script: send DEPTH requests per write (HTTP/1.1 pipelining), as TechEmpower's plaintext test does.
-- Usage: wrk -s pipeline.lua <url> -- 16
init = function(args)
  local depth = tonumber(args[1]) or 16
  local requests = {}
  for i = 1, depth do
    requests[i] = wrk.format(nil)
  end
  batch = table.concat(requests)
end

request = function()
  return batch
end
