// Hovering a sentence lights it and its partner(s) in the other language;
// the checkbox hides every row that is neither flagged, low-scored nor unpaired.
document.querySelectorAll(".s[data-s]").forEach((sentence) => {
  const partners = () => document.querySelectorAll('.s[data-s="' + sentence.dataset.s + '"]');
  sentence.addEventListener("mouseenter", () => partners().forEach((s) => s.classList.add("lit")));
  sentence.addEventListener("mouseleave", () => partners().forEach((s) => s.classList.remove("lit")));
});
const onlyIssues = document.getElementById("only-issues");
if (onlyIssues) {
  onlyIssues.addEventListener("change", () => document.body.classList.toggle("only-issues", onlyIssues.checked));
}
