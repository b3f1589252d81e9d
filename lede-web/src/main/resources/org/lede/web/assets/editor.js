(function(){
var form=document.getElementById("story-form"),preview=document.getElementById("preview"),list=document.getElementById("checks"),counts=document.getElementById("counts"),timer=null,seq=0;
function draw(data){
preview.innerHTML=data.html;
list.textContent="";
data.checks.forEach(function(c){var li=document.createElement("li");li.className=c.level;li.textContent=(c.level==="error"?"Must fix: ":c.level==="warning"?"Consider: ":"Good: ")+c.message;list.appendChild(li)});
counts.textContent=data.words+" words · about "+data.minutes+" min to read"+(data.blocksPublishing?" · cannot be published yet":"");
}
function refresh(){
var mine=++seq,body=new URLSearchParams(new FormData(form));
body.delete("_csrf");
fetch("/newsroom/preview",{method:"POST",headers:{"X-CSRF-Token":form.elements["_csrf"].value,"Content-Type":"application/x-www-form-urlencoded"},body:body,credentials:"same-origin"})
.then(function(r){return r.json()}).then(function(d){if(mine===seq)draw(d)}).catch(function(){});
}
form.addEventListener("input",function(){clearTimeout(timer);timer=setTimeout(refresh,250)});
form.addEventListener("change",function(){clearTimeout(timer);timer=setTimeout(refresh,50)});
refresh();
})();
