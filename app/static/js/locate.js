// "Use my location": ask the browser for the position and search around it.
(function () {
  var button = document.getElementById("use-location");
  if (!button || !navigator.geolocation) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.geolocation.getCurrentPosition(function (position) {
      var form = document.getElementById("search-form");
      ["lat", "lon"].forEach(function (name) {
        var input = form.querySelector("input[name=" + name + "]");
        if (!input) {
          input = document.createElement("input");
          input.type = "hidden";
          input.name = name;
          form.appendChild(input);
        }
        var value = name === "lat" ? position.coords.latitude : position.coords.longitude;
        input.value = value.toFixed(4);
      });
      form.querySelector("input[name=place]").value = "";
      form.requestSubmit();
    });
  });
})();
