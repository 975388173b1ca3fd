// Live working-day count of the leave request and edit forms. Progressive enhancement: without this script the
// form's "count the days" button shows the same figure after a round trip. The Web endpoint asks the Api, so the
// count follows the Api's own rule (working days, public and company holidays, half days).
"use strict";

(() => {
    const output = document.querySelector("[data-day-count-url]");
    const start = document.getElementById("leave-start");
    const end = document.getElementById("leave-end");
    if (!output || !start || !end) return;
    const afternoon = document.getElementById("leave-start-afternoon");
    const noon = document.getElementById("leave-end-noon");
    const number = new Intl.NumberFormat(document.documentElement.lang || undefined, { maximumFractionDigits: 2 });
    let inFlight = null;
    let timer = 0;

    const show = (text) => {
        // Only a real change is written, so screen readers do not repeat the same figure.
        if (output.textContent.trim() !== text) output.textContent = text;
    };

    async function update() {
        if (inFlight) inFlight.abort();
        if (!start.value || !end.value) {
            show("");
            return;
        }
        const query = new URLSearchParams({ startDate: start.value, endDate: end.value });
        if (afternoon && afternoon.checked) query.set("startHalf", "AFTERNOON");
        if (noon && noon.checked) query.set("endHalf", "MORNING");
        const controller = new AbortController();
        inFlight = controller;
        try {
            const response = await fetch(`${output.dataset.dayCountUrl}?${query}`, {
                headers: { Accept: "application/json" },
                credentials: "same-origin",
                redirect: "error",
                signal: controller.signal,
            });
            if (response.ok) {
                const body = await response.json();
                show(output.dataset.template.replace("{0}", number.format(body.days)));
            } else {
                show(response.status === 400 ? output.dataset.invalid : "");
            }
        } catch (error) {
            if (error.name !== "AbortError") show("");
        }
    }

    const schedule = () => {
        clearTimeout(timer);
        timer = setTimeout(update, 200);
    };
    for (const input of [start, end, afternoon, noon]) {
        if (!input) continue;
        input.addEventListener("input", schedule);
        input.addEventListener("change", schedule);
    }
    // An edit form opens with both dates filled: count them at once.
    if (start.value && end.value && output.textContent.trim() === "") update();
})();
