-- EHCP Plan Writer in Neovim 0.7 or later. Put this in your init.lua (or :luafile it) and make
-- `ehcp-language-server` available on your PATH (npm install -g, or a link to dist/server.js).
vim.cmd([[autocmd BufRead,BufNewFile *.ehcp.yaml,*.ehcp.yml setfiletype ehcp]])

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'ehcp',
  callback = function(args)
    -- The caseload is the plan's folder: the server checks every plan in it.
    local root = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h')
    local client = vim.lsp.start_client({
      name = 'ehcp',
      cmd = { 'ehcp-language-server', '--stdio' },
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = 'caseload' } },
    })
    if client then vim.lsp.buf_attach_client(args.buf, client) end
  end,
})
