// FfaConformance report: filtering and panels. It only shows, hides and copies what the page already holds;
// it never builds markup from data, so nothing in a run can become script.
(() => {
  'use strict';
  const all = (selector, root = document) => Array.from(root.querySelectorAll(selector));
  const target = document.getElementById('f-target');
  const rule = document.getElementById('f-rule');
  const outcome = document.getElementById('f-outcome');
  const count = document.getElementById('f-count');

  function apply() {
    const t = target.value;
    const r = rule.value.trim().toLowerCase();
    const o = outcome.value;
    for (const el of all('#matrix [data-col]')) {
      el.hidden = t !== '' && el.dataset.col !== t;
    }
    let shown = 0;
    for (const row of all('#matrix tr.rule')) {
      let visible = r === '' || row.dataset.search.includes(r);
      if (visible && o !== '') {
        visible = all('td[data-verdict]', row).some(td => (t === '' || td.dataset.col === t) && td.dataset.verdict === o);
      }
      row.hidden = !visible;
      if (visible) {
        shown++;
      }
    }
    for (const group of all('#matrix tbody.area')) {
      group.hidden = !all('tr.rule', group).some(row => !row.hidden);
    }
    count.textContent = `${shown} rules shown`;
  }

  function open(id) {
    const panel = document.getElementById(id);
    if (!panel) {
      return;
    }
    for (const other of all('.panel.result')) {
      other.hidden = other !== panel;
    }
    panel.hidden = false;
    panel.scrollIntoView({ block: 'start' });
    history.replaceState(null, '', `#${id}`);
  }

  for (const el of [target, rule, outcome]) {
    el.addEventListener('input', apply);
  }
  for (const button of all('button.cell, a.open')) {
    button.addEventListener('click', event => {
      event.preventDefault();
      open(button.dataset.panel);
    });
  }
  for (const button of all('button.close')) {
    button.addEventListener('click', () => {
      button.closest('.panel').hidden = true;
    });
  }
  for (const button of all('button.copy')) {
    button.addEventListener('click', () => {
      const text = document.getElementById(button.dataset.copy).textContent;
      if (navigator.clipboard) {
        navigator.clipboard.writeText(text).then(() => { button.textContent = 'copied'; }, () => { button.textContent = 'select and copy'; });
      }
    });
  }
  apply();
  if (location.hash.startsWith('#r-')) {
    open(location.hash.slice(1));
  }
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.ready = '1';
})();
