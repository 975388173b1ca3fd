// Live working-day count of the leave request and edit forms. Progressive enhancement: without this script the
// form's "count the days" button shows the same words after a round trip. The Web endpoint asks the Api and phrases
// the answer in the reader's language, so the count follows the Api's own rule (working days, public and company
// holidays, half days) and says what it left out, the balance after, why a request would be refused, and what the
// dates meet in the member's team (a busy period, too few people, who is away).
"use strict";

(() => {
    const output = document.querySelector("[data-day-count-url]");
    const start = document.getElementById("leave-start");
    const end = document.getElementById("leave-end");
    if (!output || !start || !end) return;
    const type = document.getElementById("leave-type");
    const afternoon = document.getElementById("leave-start-afternoon");
    const noon = document.getElementById("leave-end-noon");
    const text = output.querySelector(".day-count__text");
    const warning = output.querySelector(".day-count__warning");
    const notice = output.querySelector(".day-count__notice");
    let inFlight = null;
    let timer = 0;

    const show = (words, caution, note) => {
        // Only a real change is written, so screen readers do not repeat the same words.
        if (text.textContent.trim() !== words) text.textContent = words;
        if (warning.textContent.trim() !== (caution || "")) warning.textContent = caution || "";
        if (notice && notice.textContent.trim() !== (note || "")) notice.textContent = note || "";
        output.classList.toggle("day-count--warning", Boolean(caution));
    };

    async function update() {
        if (inFlight) inFlight.abort();
        if (!start.value || !end.value) {
            show("", "");
            return;
        }
        const url = new URL(output.dataset.dayCountUrl, window.location.href);
        url.searchParams.set("startDate", start.value);
        url.searchParams.set("endDate", end.value);
        if (type && type.value) url.searchParams.set("type", type.value);
        if (afternoon && afternoon.checked) url.searchParams.set("startHalf", "AFTERNOON");
        if (noon && noon.checked) url.searchParams.set("endHalf", "MORNING");
        const controller = new AbortController();
        inFlight = controller;
        try {
            const response = await fetch(url, {
                headers: { Accept: "application/json" },
                credentials: "same-origin",
                redirect: "error",
                signal: controller.signal,
            });
            const body = await response.json().catch(() => ({}));
            if (response.ok) {
                show(body.text, body.warning, body.notice);
            } else {
                // A 400 says why these dates make no leave (the last day before the first, too long…).
                show("", response.status === 400 ? body.detail || output.dataset.invalid : "");
            }
        } catch (error) {
            if (error.name !== "AbortError") show("", "");
        }
    }

    const schedule = () => {
        clearTimeout(timer);
        timer = setTimeout(update, 200);
    };
    for (const input of [type, start, end, afternoon, noon]) {
        if (!input) continue;
        input.addEventListener("input", schedule);
        input.addEventListener("change", schedule);
    }
    // An edit form opens with both dates filled: count them at once.
    if (start.value && end.value && text.textContent.trim() === "") update();
})();
