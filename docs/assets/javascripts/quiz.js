// « Testez-vous »: each question of a `.pkb-quiz` block becomes a group of radio buttons.
// Choose, press « Vérifier », read right or wrong with the source; a score per page.
// Nothing is stored or sent anywhere. Without JavaScript the list and the « Voir la réponse »
// block stay as they are (see partenariat/render/quiz.py).
(function () {
  var counter = 0;

  function scoreText(right, answered, total) {
    return "Score : " + right + " / " + total + " (" + answered + " question" + (answered > 1 ? "s" : "") +
      " répondue" + (answered > 1 ? "s" : "") + " sur " + total + ")";
  }

  function equipQuestion(box, onAnswer) {
    var list = box.querySelector(":scope > ul");
    var title = box.querySelector(".admonition-title");
    var reveal = box.querySelector(":scope > details");
    if (!list || !title) return null;
    var right = parseInt(box.getAttribute("data-right"), 10);
    var holder = document.createElement("div");
    holder.className = "pkb-quiz-options";
    list.parentNode.insertBefore(holder, list.nextSibling);
    counter += 1;
    var name = "pkb-q" + counter;
    title.id = title.id || name + "-title";

    var fieldset = document.createElement("fieldset");
    fieldset.className = "pkb-quiz-choices";
    fieldset.setAttribute("aria-labelledby", title.id);
    var inputs = [];
    Array.prototype.forEach.call(list.children, function (item, index) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "radio";
      input.name = name;
      input.value = String(index);
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + item.textContent.trim()));
      fieldset.appendChild(label);
      inputs.push(input);
    });
    var check = document.createElement("button");
    check.type = "button";
    check.className = "md-button pkb-quiz-check";
    check.textContent = "Vérifier";
    var feedback = document.createElement("p");
    feedback.className = "pkb-quiz-feedback";
    feedback.setAttribute("role", "status");
    list.hidden = true;
    holder.appendChild(fieldset);
    holder.appendChild(check);
    holder.appendChild(feedback);
    if (reveal) reveal.hidden = true;

    function reset() {
      inputs.forEach(function (input) {
        input.checked = false;
        input.disabled = false;
        input.parentElement.classList.remove("pkb-right", "pkb-wrong");
        var mark = input.parentElement.querySelector(".pkb-quiz-mark");
        if (mark) mark.remove();
      });
      check.disabled = false;
      feedback.textContent = "";
      feedback.className = "pkb-quiz-feedback";
      if (reveal) { reveal.hidden = true; reveal.removeAttribute("open"); }
    }

    function mark(input, text, css) {
      var span = document.createElement("span");
      span.className = "pkb-quiz-mark";
      span.textContent = " — " + text;
      input.parentElement.appendChild(span);
      input.parentElement.classList.add(css);
    }

    check.addEventListener("click", function () {
      var chosen = inputs.filter(function (input) { return input.checked; })[0];
      if (!chosen) {
        feedback.textContent = "Choisissez d'abord une réponse.";
        inputs[0].focus();
        return;
      }
      var ok = Number(chosen.value) === right;
      inputs.forEach(function (input) { input.disabled = true; });
      check.disabled = true;
      mark(inputs[right], "bonne réponse", "pkb-right");
      if (!ok) mark(chosen, "votre réponse", "pkb-wrong");
      feedback.textContent = ok ? "Bonne réponse !" : "Ce n'est pas la bonne réponse.";
      feedback.className = "pkb-quiz-feedback " + (ok ? "pkb-right" : "pkb-wrong");
      if (reveal) {  // the answer with its source
        reveal.hidden = false;
        reveal.setAttribute("open", "");
      }
      onAnswer(ok);
      feedback.setAttribute("tabindex", "-1");
      feedback.focus();
    });
    return reset;
  }

  function equipQuiz(block) {
    if (block.querySelector(".pkb-quiz-score")) return;
    var score = document.createElement("p");
    score.className = "pkb-quiz-score";
    score.setAttribute("role", "status");
    var again = document.createElement("button");
    again.type = "button";
    again.className = "md-button pkb-quiz-again";
    again.textContent = "Recommencer";
    again.hidden = true;
    var state = { right: 0, answered: 0 };
    var resets = [];
    function update() {
      score.textContent = scoreText(state.right, state.answered, resets.length);
      again.hidden = state.answered === 0;
    }
    block.querySelectorAll(".pkb-question[data-right]").forEach(function (box) {
      var reset = equipQuestion(box, function (ok) {
        state.answered += 1;
        if (ok) state.right += 1;
        update();
      });
      if (reset) resets.push(reset);
    });
    if (!resets.length) return;
    again.addEventListener("click", function () {
      resets.forEach(function (reset) { reset(); });
      state.right = 0;
      state.answered = 0;
      update();
      score.focus();
    });
    score.setAttribute("tabindex", "-1");
    block.insertBefore(again, block.firstChild);
    block.insertBefore(score, block.firstChild);
    update();
  }

  function start() {
    document.querySelectorAll(".pkb-quiz").forEach(equipQuiz);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
