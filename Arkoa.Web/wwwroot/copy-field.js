// The "Copy" buttons next to read-only addresses (the calendar subscription). Progressive enhancement: the buttons
// are hidden until this script runs; without it the address is still selectable in its field.
"use strict";

(() => {
    for (const button of document.querySelectorAll("button[data-copy-target]")) {
        const field = document.getElementById(button.dataset.copyTarget);
        const status = document.getElementById(button.dataset.copyStatus);
        if (!field) continue;
        button.hidden = false;
        button.addEventListener("click", async () => {
            // Selected first, and said so: if the clipboard refuses or never answers, the user copies it by hand.
            field.select();
            if (status) status.textContent = button.dataset.selectedText;
            try {
                await navigator.clipboard.writeText(field.value);
                if (status) status.textContent = button.dataset.copiedText;
            } catch {
                // No clipboard (an insecure origin, a refusal): the selection and its message stay.
            }
        });
    }
})();
