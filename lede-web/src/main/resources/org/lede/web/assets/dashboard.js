(function(){
var form=document.getElementById("story-search"),out=document.getElementById("story-results");
form.addEventListener("submit",function(e){
e.preventDefault();
var q=form.elements["q"].value;
fetch(form.action+"?part=list&q="+encodeURIComponent(q),{credentials:"same-origin"})
.then(function(r){if(!r.ok)throw new Error(r.status);return r.text()})
.then(function(html){out.innerHTML=html})
.catch(function(){out.textContent="The search failed; try again."});
});
document.getElementById("story-search-help").textContent="Results list each story's slug to copy into the items.";
})();
