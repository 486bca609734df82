-- Headless Neovim (0.7+) check of fengong-language-server: attaches the server to the current
-- buffer, waits for diagnostics, asks for document symbols and a hover, and writes what it got
-- as JSON to $FENGONG_OUT. Run as:
--   FENGONG_SERVER=dist/server.js FENGONG_OUT=out.json FENGONG_HOVER_LINE=7 FENGONG_HOVER_CHAR=2 \
--     nvim --headless --clean -n -c "luafile scripts/nvim/check.lua" plan.txt
-- A Lua error inside -c still exits 0 in 0.7, so everything runs under pcall and a failure
-- ends with `cquit 1` after writing the error to $FENGONG_OUT.
local out = os.getenv('FENGONG_OUT') or 'fengong-nvim.json'

local function write(value)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(value))
  f:close()
end

local ok, err = pcall(function()
  local server = assert(os.getenv('FENGONG_SERVER'), 'FENGONG_SERVER not set')
  local root = os.getenv('FENGONG_ROOT') or vim.fn.getcwd()
  local id = vim.lsp.start_client({
    name = 'fengong',
    cmd = { os.getenv('FENGONG_NODE') or 'node', server, '--stdio' },
    root_dir = root,
  })
  assert(id, 'vim.lsp.start_client returned nil')
  vim.lsp.buf_attach_client(0, id)

  local got = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  assert(got, 'no diagnostics within 15 s')
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(diagnostics, { lnum = d.lnum, col = d.col, message = d.message, source = d.source, code = d.code or lsp.code })
  end

  local params = { textDocument = vim.lsp.util.make_text_document_params() }
  local symbols_reply = vim.lsp.buf_request_sync(0, 'textDocument/documentSymbol', params, 10000)
  assert(symbols_reply and symbols_reply[id], 'no documentSymbol reply')
  assert(not symbols_reply[id].err, 'documentSymbol failed: ' .. vim.inspect(symbols_reply[id].err))
  local symbols = {}
  for _, s in ipairs(symbols_reply[id].result or {}) do
    table.insert(symbols, { name = s.name, children = #(s.children or {}) })
  end

  local line = tonumber(os.getenv('FENGONG_HOVER_LINE') or '0')
  local char = tonumber(os.getenv('FENGONG_HOVER_CHAR') or '0')
  local hover_params = { textDocument = params.textDocument, position = { line = line, character = char } }
  local hover_reply = vim.lsp.buf_request_sync(0, 'textDocument/hover', hover_params, 10000)
  assert(hover_reply and hover_reply[id], 'no hover reply')
  local result = hover_reply[id].result
  local hover = result and result.contents and (result.contents.value or result.contents) or vim.NIL

  write({ ok = true, diagnostics = diagnostics, symbols = symbols, hover = hover })
end)

if ok then
  vim.cmd('qall!')
else
  write({ ok = false, error = tostring(err) })
  vim.cmd('cquit 1')
end
