console.log('no region modules yet');
