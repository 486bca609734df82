// The responsibility matrix page. Every name and task text is inserted with textContent / title,
// never as HTML; the page holds no data until the extension posts it.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const main = /** @type {HTMLElement} */ (document.getElementById('matrix'));
  const filter = /** @type {HTMLInputElement} */ (document.getElementById('filter'));
  const summary = /** @type {HTMLElement} */ (document.getElementById('summary'));
  const title = /** @type {HTMLElement} */ (document.getElementById('title'));
  /** @type {any} */
  let current = null;

  const state = vscode.getState() || {};
  filter.value = state.filter || '';

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, k) => (k in values ? String(values[k]) : '{' + k + '}'));
  }

  function render() {
    if (!current) return;
    const { matrix, labels } = current;
    if (matrix.title) title.textContent = matrix.title;
    main.textContent = '';
    if (matrix.tasks.length === 0) {
      main.appendChild(el('p', labels.noTasks, 'empty'));
      summary.textContent = '';
      vscode.postMessage({ type: 'rendered', departments: 0, tasks: 0, cells: 0, rowWidth: 0 });
      return;
    }
    const needle = filter.value.trim().toLowerCase();
    const roles = matrix.departments.map(() => new Array(matrix.tasks.length));
    for (const c of matrix.cells) {
      if (roles[c.department][c.task] !== 'lead') roles[c.department][c.task] = c.role;
    }
    const visible = matrix.departments
      .map((d, i) => ({ d, i }))
      .filter(({ d }) => !needle || [d.name, d.preferred || '', d.fullName || ''].some((s) => s.toLowerCase().includes(needle)));

    const table = el('table', undefined, 'matrix');
    const thead = el('thead');
    const head = el('tr');
    head.appendChild(el('th', labels.department, 'corner'));
    matrix.tasks.forEach((t, ti) => {
      const th = el('th', undefined, 'task');
      const b = el('button', t.key, 'task-link');
      b.title = t.key + ' ' + t.label + (t.section ? ' — ' + t.section : '');
      b.dataset.task = String(ti);
      th.appendChild(b);
      head.appendChild(th);
    });
    head.appendChild(el('th', labels.leads, 'total'));
    head.appendChild(el('th', labels.participates, 'total'));
    head.appendChild(el('th', labels.total, 'total'));
    thead.appendChild(head);
    table.appendChild(thead);

    const perTask = new Array(matrix.tasks.length).fill(0);
    let cellCount = 0;
    const tbody = el('tbody');
    for (const { d, i } of visible) {
      const tr = el('tr');
      const name = el('th', d.name, 'dept status-' + d.status);
      name.scope = 'row';
      name.title = [d.fullName, d.preferred && d.preferred !== d.name ? '→ ' + d.preferred : null].filter(Boolean).join('\n');
      tr.appendChild(name);
      // A plain loop: roles[i] is sparse, and forEach would skip the empty cells.
      for (let ti = 0; ti < matrix.tasks.length; ti++) {
        const role = roles[i][ti];
        const td = el('td');
        if (role) {
          const b = el('button', role === 'lead' ? labels.leadMark : labels.participantMark, 'cell ' + role);
          b.title = (role === 'lead' ? labels.leadTitle : labels.participantTitle) + ' · ' + matrix.tasks[ti].key + ' ' + matrix.tasks[ti].label;
          b.dataset.task = String(ti);
          td.appendChild(b);
          perTask[ti]++;
          cellCount++;
        }
        tr.appendChild(td);
      }
      tr.appendChild(el('td', d.leads, 'total'));
      tr.appendChild(el('td', d.participates, 'total'));
      tr.appendChild(el('td', d.leads + d.participates, 'total'));
      tbody.appendChild(tr);
    }
    table.appendChild(tbody);

    const tfoot = el('tfoot');
    const foot = el('tr');
    foot.appendChild(el('th', labels.perTask, 'corner'));
    perTask.forEach((n) => foot.appendChild(el('td', n, 'total')));
    foot.appendChild(el('td', '', 'total'));
    foot.appendChild(el('td', '', 'total'));
    foot.appendChild(el('td', '', 'total'));
    tfoot.appendChild(foot);
    table.appendChild(tfoot);

    main.appendChild(table);
    if (visible.length === 0) main.appendChild(el('p', labels.noMatch, 'empty'));
    summary.textContent = format(labels.summary, { tasks: matrix.tasks.length, departments: visible.length });
    // Cells per row when every row has the same number, so a ragged table shows up in tests.
    const widths = new Set(Array.from(table.rows, (r) => r.cells.length));
    const rowWidth = widths.size === 1 ? [...widths][0] : -1;
    vscode.postMessage({ type: 'rendered', departments: visible.length, tasks: matrix.tasks.length, cells: cellCount, rowWidth });
  }

  main.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target).closest('[data-task]');
    if (target instanceof HTMLElement) vscode.postMessage({ type: 'reveal', task: Number(target.dataset.task) });
  });
  filter.addEventListener('input', () => {
    vscode.setState({ filter: filter.value });
    render();
  });
  document.getElementById('export-csv')?.addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'csv' }));
  document.getElementById('export-xlsx')?.addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'xlsx' }));
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m && m.type === 'show') {
      current = m;
      render();
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
