// Live XLSForm: as answers change, ask the server what the form now shows and refuses (the same
// engine that checks the submission), then show or hide questions and place the messages. Without
// this script the form still works: every save re-renders it from the server.
(() => {
  const form = document.getElementById("xlsform");
  if (!form || !form.dataset.evaluate) return;
  let timer = 0;
  let sequence = 0;

  const answers = () => {
    const data = new FormData(form);
    const values = {};
    for (const key of data.getAll("present")) values[key] = "";
    for (const [name, value] of data.entries()) {
      if (!name.startsWith("a.") || value === "") continue;
      const key = name.slice(2);
      values[key] = values[key] ? values[key] + " " + value : value;
    }
    const repeatCounts = {};
    for (const [name, value] of data.entries()) {
      if (name.startsWith("r.")) repeatCounts[name.slice(2)] = parseInt(value, 10) || 0;
    }
    return { values, repeatCounts, language: data.get("language") || null };
  };

  const apply = (state, sent) => {
    const hidden = new Set(state.hidden);
    for (const element of form.querySelectorAll("[data-key]")) {
      element.hidden = hidden.has(element.dataset.key);
    }
    for (const element of form.querySelectorAll(".question[data-key]")) {
      const key = element.dataset.key;
      const error = element.querySelector(".error");
      if (!error) continue;
      // Only what was typed is judged live; unanswered questions are asked for on submitting.
      const message = sent.values[key] ? state.errors[key] : undefined;
      error.textContent = message || "";
      error.hidden = !message;
      element.classList.toggle("has-error", !!message);
    }
  };

  const evaluate = async () => {
    const mine = ++sequence;
    const sent = answers();
    const response = await fetch(form.dataset.evaluate, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify(sent),
    });
    if (!response.ok || mine !== sequence) return;
    apply(await response.json(), sent);
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => evaluate().catch(() => {}), 200);
  };
  // A geopoint's two inputs can be filled from the browser's location, where it has one and the person allows it.
  if (navigator.geolocation) {
    for (const button of form.querySelectorAll("button.locate")) {
      button.hidden = false;
      button.addEventListener("click", () => navigator.geolocation.getCurrentPosition((position) => {
        const latitude = document.getElementById(button.dataset.for);
        const longitude = document.getElementById(button.dataset.for + "-lon");
        latitude.value = position.coords.latitude.toFixed(6);
        longitude.value = position.coords.longitude.toFixed(6);
        latitude.dispatchEvent(new Event("input", { bubbles: true }));
      }));
    }
  }
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
})();
